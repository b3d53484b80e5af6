-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('OFFICE', 'DEPARTMENT', 'ONE_STOP', 'CIVIL_SERVANT', 'MASS_ORGANIZATION', 'VILLAGE', 'COLLECTIVE', 'OTHER');

-- AlterTable
ALTER TABLE "ResponsibleUnit" ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "kind" "UnitKind" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "note" TEXT,
ADD COLUMN     "occurrenceDates" DATE[];

-- AlterTable
ALTER TABLE "TaskCoordinatingUnit" ADD COLUMN     "isLead" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "deadlineText" TEXT,
ADD COLUMN     "dueDate" DATE,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "referenceYear" INTEGER;

-- AlterTable
ALTER TABLE "IndicatorImplementingUnit" ADD COLUMN     "isMonitoring" BOOLEAN NOT NULL DEFAULT false;

