-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "desks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "extraQuestions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dossierCount" INTEGER,
    "marginPercent" INTEGER NOT NULL DEFAULT 5,
    "requireReceiptCode" BOOLEAN NOT NULL DEFAULT false,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "submissionToken" TEXT NOT NULL,
    "desk" TEXT,
    "access" INTEGER NOT NULL,
    "procedure" INTEGER NOT NULL,
    "officials" INTEGER NOT NULL,
    "result" INTEGER NOT NULL,
    "feedback" INTEGER,
    "extra" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT,
    "commentStatus" "CommentStatus",
    "contact" TEXT,
    "deviceHash" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyReceiptCode" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "responseId" TEXT,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyReceiptCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicationSetting" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "showIndicators" BOOLEAN NOT NULL DEFAULT true,
    "showTasks" BOOLEAN NOT NULL DEFAULT true,
    "showSurveys" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicationSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_code_key" ON "Survey"("code");

-- CreateIndex
CREATE INDEX "Survey_communeId_year_idx" ON "Survey"("communeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_submissionToken_key" ON "SurveyResponse"("submissionToken");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_createdAt_idx" ON "SurveyResponse"("surveyId", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_deviceHash_createdAt_idx" ON "SurveyResponse"("surveyId", "deviceHash", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_addressHash_createdAt_idx" ON "SurveyResponse"("surveyId", "addressHash", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyReceiptCode_responseId_key" ON "SurveyReceiptCode"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyReceiptCode_surveyId_code_key" ON "SurveyReceiptCode"("surveyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationSetting_communeId_key" ON "PublicationSetting"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationSetting_slug_key" ON "PublicationSetting"("slug");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyReceiptCode" ADD CONSTRAINT "SurveyReceiptCode_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyReceiptCode" ADD CONSTRAINT "SurveyReceiptCode_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationSetting" ADD CONSTRAINT "PublicationSetting_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

