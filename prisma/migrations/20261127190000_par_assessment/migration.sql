-- CreateEnum
CREATE TYPE "AssessmentSetStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AssessmentScorer" AS ENUM ('SELF', 'PROVINCE');

-- CreateEnum
CREATE TYPE "AppraisalDecision" AS ENUM ('ACCEPTED', 'REJECTED');

-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "assessmentId" TEXT;

-- CreateTable
CREATE TABLE "AssessmentSet" (
    "id" TEXT NOT NULL,
    "issuerUnitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "amendment" INTEGER NOT NULL DEFAULT 1,
    "amendmentReason" TEXT,
    "basedOnId" TEXT,
    "status" "AssessmentSetStatus" NOT NULL DEFAULT 'DRAFT',
    "bands" JSONB NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentArea" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AssessmentArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentCriterion" (
    "id" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AssessmentCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentSubCriterion" (
    "id" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "maxPoints" DECIMAL(6,2) NOT NULL,
    "allowHalf" BOOLEAN NOT NULL DEFAULT false,
    "guidance" TEXT,
    "expectedEvidence" TEXT,
    "scoredBy" "AssessmentScorer" NOT NULL DEFAULT 'SELF',
    "figureRule" JSONB,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AssessmentSubCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "appraisedAt" TIMESTAMP(3),
    "explainDueDate" DATE,
    "explainedAt" TIMESTAMP(3),
    "finalizedAt" TIMESTAMP(3),
    "selfTotal" DECIMAL(7,2),
    "finalTotal" DECIMAL(7,2),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "subCriterionId" TEXT NOT NULL,
    "selfScore" DECIMAL(6,2),
    "selfNote" TEXT,
    "responsibleUnitId" TEXT,
    "indicatorId" TEXT,
    "appraisedScore" DECIMAL(6,2),
    "appraisalComment" TEXT,
    "explanation" TEXT,
    "decision" "AppraisalDecision",
    "decisionComment" TEXT,
    "finalScore" DECIMAL(6,2),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentEvidence" (
    "scoreId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,

    CONSTRAINT "AssessmentEvidence_pkey" PRIMARY KEY ("scoreId","evidenceId")
);

-- CreateTable
CREATE TABLE "AssessmentSnapshot" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentSet_issuerUnitId_year_amendment_key" ON "AssessmentSet"("issuerUnitId", "year", "amendment");

-- CreateIndex
CREATE INDEX "AssessmentArea_setId_position_idx" ON "AssessmentArea"("setId", "position");

-- CreateIndex
CREATE INDEX "AssessmentCriterion_areaId_position_idx" ON "AssessmentCriterion"("areaId", "position");

-- CreateIndex
CREATE INDEX "AssessmentSubCriterion_criterionId_position_idx" ON "AssessmentSubCriterion"("criterionId", "position");

-- CreateIndex
CREATE INDEX "Assessment_communeId_idx" ON "Assessment"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_setId_communeId_key" ON "Assessment"("setId", "communeId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentScore_assessmentId_subCriterionId_key" ON "AssessmentScore"("assessmentId", "subCriterionId");

-- CreateIndex
CREATE INDEX "AssessmentEvidence_evidenceId_idx" ON "AssessmentEvidence"("evidenceId");

-- CreateIndex
CREATE INDEX "AssessmentSnapshot_assessmentId_createdAt_idx" ON "AssessmentSnapshot"("assessmentId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewDecision_assessmentId_createdAt_idx" ON "ReviewDecision"("assessmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSet" ADD CONSTRAINT "AssessmentSet_issuerUnitId_fkey" FOREIGN KEY ("issuerUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentArea" ADD CONSTRAINT "AssessmentArea_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AssessmentSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCriterion" ADD CONSTRAINT "AssessmentCriterion_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "AssessmentArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSubCriterion" ADD CONSTRAINT "AssessmentSubCriterion_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "AssessmentCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_setId_fkey" FOREIGN KEY ("setId") REFERENCES "AssessmentSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_subCriterionId_fkey" FOREIGN KEY ("subCriterionId") REFERENCES "AssessmentSubCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "AssessmentScore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentSnapshot" ADD CONSTRAINT "AssessmentSnapshot_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

