-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgLevel" AS ENUM ('PROVINCE', 'DISTRICT', 'COMMUNE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COMMUNE_STAFF', 'CHAIRMAN', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('PAR_SIPAS', 'CCHC_YEARLY', 'TTHC_CONTROL', 'DIGITAL_TRANSFORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "IndicatorGroup" AS ENUM ('PAR_INDEX', 'SIPAS', 'PCI', 'DTI', 'ONLINE_SERVICES', 'OTHER');

-- CreateEnum
CREATE TYPE "TargetRule" AS ENUM ('AT_LEAST', 'MORE_THAN', 'AT_MOST', 'FULL', 'BETTER_RANK', 'LOWER_THAN_LAST_YEAR', 'DONE', 'NONE');

-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('RATIO', 'NUMBER', 'RANK', 'BOOLEAN');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('DATE', 'PERIOD', 'RECURRING', 'ONGOING', 'DEPENDENT', 'NONE');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANNOT_DO');

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "OrgLevel" NOT NULL,
    "parentId" TEXT,
    "isPlaceholder" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponsibleUnit" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResponsibleUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "responsibleUnitId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "canSubmit" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "title" TEXT NOT NULL,
    "documentNumber" TEXT,
    "documentDate" DATE,
    "documentDateText" TEXT,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "sourceText" TEXT,
    "sourceName" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentId" TEXT,
    "code" TEXT,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT,
    "code" TEXT,
    "position" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "requirement" TEXT,
    "expectedResult" TEXT,
    "deadlineText" TEXT,
    "deadlineKind" "DeadlineKind" NOT NULL DEFAULT 'NONE',
    "dueDate" DATE,
    "periodStart" DATE,
    "periodEnd" DATE,
    "leadUnitId" TEXT,
    "leadUnitText" TEXT,
    "coordinatingText" TEXT,
    "importWarnings" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskCoordinatingUnit" (
    "taskId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "TaskCoordinatingUnit_pkey" PRIMARY KEY ("taskId","unitId")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT,
    "parentId" TEXT,
    "code" TEXT,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "group" "IndicatorGroup" NOT NULL DEFAULT 'OTHER',
    "measurementUnit" TEXT,
    "valueKind" "ValueKind" NOT NULL DEFAULT 'NUMBER',
    "targetText" TEXT,
    "targetRule" "TargetRule" NOT NULL DEFAULT 'NONE',
    "targetValue" DECIMAL(14,4),
    "baselineValue" DECIMAL(14,4),
    "numeratorLabel" TEXT,
    "denominatorLabel" TEXT,
    "monitoringUnitId" TEXT,
    "monitoringUnitText" TEXT,
    "implementingUnitText" TEXT,
    "importWarnings" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorImplementingUnit" (
    "indicatorId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "IndicatorImplementingUnit_pkey" PRIMARY KEY ("indicatorId","unitId")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuarterlyReport" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuarterlyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "numerator" DECIMAL(14,2),
    "denominator" DECIMAL(14,2),
    "value" DECIMAL(14,4),
    "done" BOOLEAN,
    "note" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskProgress" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "resultText" TEXT,
    "reason" TEXT,
    "completedAt" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "indicatorValueId" TEXT,
    "taskProgressId" TEXT,
    "docNumber" TEXT,
    "docDate" DATE,
    "docSummary" TEXT,
    "fileName" TEXT,
    "storageKey" TEXT,
    "mimeType" TEXT,
    "sizeBytes" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "communeId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "planId" TEXT,
    "reportId" TEXT,
    "action" TEXT NOT NULL,
    "fromStatus" "SubmissionStatus" NOT NULL,
    "toStatus" "SubmissionStatus" NOT NULL,
    "comment" TEXT,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRowComment" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "taskId" TEXT,
    "comment" TEXT NOT NULL,

    CONSTRAINT "ReviewRowComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingDeadline" (
    "id" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportingDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrgUnit_parentId_idx" ON "OrgUnit"("parentId");

-- CreateIndex
CREATE INDEX "OrgUnit_level_idx" ON "OrgUnit"("level");

-- CreateIndex
CREATE UNIQUE INDEX "ResponsibleUnit_communeId_normalizedName_key" ON "ResponsibleUnit"("communeId", "normalizedName");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_orgUnitId_idx" ON "User"("orgUnitId");

-- CreateIndex
CREATE INDEX "Plan_communeId_year_idx" ON "Plan"("communeId", "year");

-- CreateIndex
CREATE INDEX "PlanSection_planId_position_idx" ON "PlanSection"("planId", "position");

-- CreateIndex
CREATE INDEX "Task_planId_position_idx" ON "Task"("planId", "position");

-- CreateIndex
CREATE INDEX "Task_leadUnitId_idx" ON "Task"("leadUnitId");

-- CreateIndex
CREATE INDEX "TaskCoordinatingUnit_unitId_idx" ON "TaskCoordinatingUnit"("unitId");

-- CreateIndex
CREATE INDEX "Indicator_planId_position_idx" ON "Indicator"("planId", "position");

-- CreateIndex
CREATE INDEX "Indicator_monitoringUnitId_idx" ON "Indicator"("monitoringUnitId");

-- CreateIndex
CREATE INDEX "IndicatorImplementingUnit_unitId_idx" ON "IndicatorImplementingUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_year_quarter_key" ON "ReportingPeriod"("year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "QuarterlyReport_communeId_periodId_key" ON "QuarterlyReport"("communeId", "periodId");

-- CreateIndex
CREATE INDEX "IndicatorValue_reportId_idx" ON "IndicatorValue"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_periodId_key" ON "IndicatorValue"("indicatorId", "periodId");

-- CreateIndex
CREATE INDEX "TaskProgress_reportId_idx" ON "TaskProgress"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProgress_taskId_periodId_key" ON "TaskProgress"("taskId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_communeId_idx" ON "Evidence"("communeId");

-- CreateIndex
CREATE INDEX "Evidence_indicatorValueId_idx" ON "Evidence"("indicatorValueId");

-- CreateIndex
CREATE INDEX "Evidence_taskProgressId_idx" ON "Evidence"("taskProgressId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_createdAt_idx" ON "AuditLog"("entity", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_communeId_createdAt_idx" ON "AuditLog"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewDecision_planId_createdAt_idx" ON "ReviewDecision"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewDecision_reportId_createdAt_idx" ON "ReviewDecision"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewDecision_communeId_createdAt_idx" ON "ReviewDecision"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewRowComment_decisionId_idx" ON "ReviewRowComment"("decisionId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingDeadline_orgUnitId_year_quarter_key" ON "ReportingDeadline"("orgUnitId", "year", "quarter");

-- AddForeignKey
ALTER TABLE "OrgUnit" ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsibleUnit" ADD CONSTRAINT "ResponsibleUnit_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_responsibleUnitId_fkey" FOREIGN KEY ("responsibleUnitId") REFERENCES "ResponsibleUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "ResponsibleUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskCoordinatingUnit" ADD CONSTRAINT "TaskCoordinatingUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskCoordinatingUnit" ADD CONSTRAINT "TaskCoordinatingUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ResponsibleUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_monitoringUnitId_fkey" FOREIGN KEY ("monitoringUnitId") REFERENCES "ResponsibleUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorImplementingUnit" ADD CONSTRAINT "IndicatorImplementingUnit_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorImplementingUnit" ADD CONSTRAINT "IndicatorImplementingUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "ResponsibleUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlyReport" ADD CONSTRAINT "QuarterlyReport_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuarterlyReport" ADD CONSTRAINT "QuarterlyReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "QuarterlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProgress" ADD CONSTRAINT "TaskProgress_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "QuarterlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_indicatorValueId_fkey" FOREIGN KEY ("indicatorValueId") REFERENCES "IndicatorValue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_taskProgressId_fkey" FOREIGN KEY ("taskProgressId") REFERENCES "TaskProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "QuarterlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRowComment" ADD CONSTRAINT "ReviewRowComment_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ReviewDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingDeadline" ADD CONSTRAINT "ReportingDeadline_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

