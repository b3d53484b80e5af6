import { requirePageActor } from "@/server/auth/guard";
import { AppShell } from "@/components/layout/app-shell";
import { returnedCounts } from "@/server/review/badges";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const returned = await returnedCounts(actor);
  return (
    <AppShell actor={actor} badges={{ "/bao-cao": returned.reports, "/ke-hoach": returned.plans }}>
      {children}
    </AppShell>
  );
}
