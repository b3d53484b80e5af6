import { redirect } from "next/navigation";
import { requirePageActor } from "@/server/auth/guard";
import { homeFor } from "@/components/layout/nav";

export default async function HomePage() {
  const actor = await requirePageActor();
  redirect(homeFor(actor));
}
