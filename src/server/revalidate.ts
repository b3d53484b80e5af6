// Marks pages stale after a write. Outside a Next request (tests, scripts) there is no
// cache to invalidate, so the call is skipped.
import "server-only";
import { revalidatePath } from "next/cache";

export function revalidate(path: string): void {
  try {
    revalidatePath(path);
  } catch {
    // Not inside a Next.js request: nothing cached to invalidate.
  }
}
