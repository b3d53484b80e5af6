"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="btn" onClick={() => signOut({ callbackUrl: "/dang-nhap" })}>
      Đăng xuất
    </button>
  );
}
