import type { Metadata, Viewport } from "next";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CCHC xã – Theo dõi cải cách hành chính", template: "%s · CCHC xã" },
  description: "Theo dõi kế hoạch, chỉ tiêu và báo cáo cải cách hành chính cấp xã",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
