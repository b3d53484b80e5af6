import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/actor";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Đăng nhập" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Cải cách hành chính cấp xã</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">Đăng nhập hệ thống</h1>
          <p className="mt-1 text-sm text-slate-600">Theo dõi kế hoạch, chỉ tiêu và báo cáo quý</p>
        </div>
        <div className="card">
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
