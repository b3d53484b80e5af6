// Email through nodemailer when SMTP is configured in the environment; otherwise email is
// off and the in-app notices are all there is (the admin page says so).
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export type Sender = (mail: OutgoingEmail) => Promise<void>;

export function emailEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.SMTP_HOST && !!env.SMTP_FROM;
}

/** The public address used in links inside emails. */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.APP_URL || env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}

export function smtpSender(env: NodeJS.ProcessEnv = process.env): Sender {
  const port = Number(env.SMTP_PORT || 587);
  const transport = nodemailer.createTransport({
    host: env.SMTP_HOST,
    port,
    secure: env.SMTP_SECURE ? env.SMTP_SECURE === "true" : port === 465,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
    // A test or internal relay may use a self-signed certificate only when told so.
    tls: env.SMTP_TLS_REJECT_UNAUTHORIZED === "false" ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 15_000,
  });
  const host = new URL(appBaseUrl(env)).hostname || "localhost";
  return async (mail) => {
    await transport.sendMail({
      from: env.SMTP_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // Stable per outbox row: a receiving server can drop a duplicate if a send is repeated.
      messageId: `<${mail.id}@${host}>`,
    });
  };
}
