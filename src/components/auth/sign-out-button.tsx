"use client";

// Signs out the way next-auth's signOut() does (a CSRF token, then POST /api/auth/signout, which
// runs the server's signOut event and clears the cookie), without importing next-auth/react:
// this button is on every page, and that client library was ~12 KB gzip of each page's JS.
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/dang-nhap", json: "true" }),
      });
    } finally {
      // A full load on purpose: nothing of the signed-in client state may survive sign-out.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.href = "/dang-nhap";
    }
  }
  return (
    <button type="button" className="btn" onClick={signOut} disabled={pending}>
      Đăng xuất
    </button>
  );
}
