import { requirePageActor } from "@/server/auth/guard";

export const dynamic = "force-dynamic";

/** Printable pages: no menu, A4 landscape. */
export default async function PrintLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor();
  return (
    <div className="mx-auto max-w-[277mm] bg-white p-4 text-[11px] leading-snug print:p-0">
      <style>{`@page { size: A4 landscape; margin: 10mm; } @media print { body { background: white; } }`}</style>
      {children}
    </div>
  );
}
