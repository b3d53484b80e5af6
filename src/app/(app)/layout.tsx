import { requirePageActor } from "@/server/auth/guard";
import { AppShell } from "@/components/layout/app-shell";
import { returnedCounts } from "@/server/review/badges";
import { unreadCount } from "@/server/notifications/queries";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const [returned, unread] = await Promise.all([returnedCounts(actor), unreadCount(actor)]);
  return (
    <AppShell actor={actor} badges={{ "/bao-cao": returned.reports, "/ke-hoach": returned.plans }} unread={unread}>
      {children}
    </AppShell>
  );
}
