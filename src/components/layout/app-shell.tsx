import Link from "next/link";
import type { Actor } from "@/server/auth/actor";
import { ROLE_LABEL } from "@/domain/labels";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { navFor } from "./nav";

export function AppShell({ actor, children, badges = {}, unread = 0 }: { actor: Actor; children: React.ReactNode; badges?: Record<string, number>; unread?: number }) {
  const items = navFor(actor);
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-brand-800 bg-brand-700 text-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2">
          <Link href="/" className="font-semibold text-white no-underline">
            CCHC xã
          </Link>
          <span className="text-sm text-brand-100" data-testid="org-unit">
            {actor.orgUnitName}
          </span>
          <nav aria-label="Menu chính" className="order-last w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="block rounded px-2.5 py-1 text-sm text-white no-underline hover:bg-brand-800">
                    {item.label}
                    {badges[item.href] ? (
                      <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-bold text-amber-950" aria-label={`${badges[item.href]} hồ sơ bị trả lại`}>
                        {badges[item.href]} trả lại
                      </span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link
              href="/thong-bao"
              className="relative rounded px-2 py-1 text-white no-underline hover:bg-brand-800"
              aria-label={unread ? `Thông báo: ${unread} chưa đọc` : "Thông báo: không có thông báo mới"}
              data-testid="bell"
            >
              {/* An inline icon: emoji fonts are not on every workstation. */}
              <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="inline-block align-[-4px]">
                <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              <span className="ml-1 hidden lg:inline">Thông báo</span>
              {unread > 0 && (
                <span aria-hidden="true" className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-bold text-amber-950" data-testid="bell-count">
                  {unread > 99 ? "99+" : unread}
                </span>
              )}
            </Link>
            <span className="hidden text-right leading-tight md:block">
              <span className="block font-medium">{actor.fullName}</span>
              <span className="block text-xs text-brand-100">{ROLE_LABEL[actor.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-screen-2xl px-3 py-4">{children}</main>
    </div>
  );
}
