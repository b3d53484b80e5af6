-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "fromAssessmentId" TEXT;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_fromAssessmentId_fkey" FOREIGN KEY ("fromAssessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

