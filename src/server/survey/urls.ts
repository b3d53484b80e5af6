// Absolute addresses printed on posters and given to the commune's website.
import { headers } from "next/headers";

/** The address citizens reach the app at: NEXTAUTH_URL when set, else this request's host. */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export const surveyPath = (code: string, desk?: number | null) => `/ks/${code}${desk !== null && desk !== undefined ? `?quay=${desk}` : ""}`;
export const publicPath = (slug: string) => `/cong-khai/${slug}`;
