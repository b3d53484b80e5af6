import { SUBMISSION_STATUS_LABEL, type SubmissionStatus } from "@/domain/labels";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<SubmissionStatus, BadgeTone> = { DRAFT: "gray", SUBMITTED: "blue", APPROVED: "green", RETURNED: "amber" };

export function SubmissionBadge({ status }: { status: SubmissionStatus }) {
  return <Badge tone={TONE[status]}>{SUBMISSION_STATUS_LABEL[status]}</Badge>;
}
