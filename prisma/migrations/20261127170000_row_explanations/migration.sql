-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "cause" TEXT,
ADD COLUMN     "remedy" TEXT;

-- AlterTable
ALTER TABLE "TaskProgress" ADD COLUMN     "cause" TEXT,
ADD COLUMN     "remedy" TEXT;

