// next-auth configuration: username + password, JWT sessions that carry the user id and
// the session version checked by getActor() on every request.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress, signInWithPassword } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/**
 * next-auth renews a JWT session on every request, so maxAge alone only ends idle sessions.
 * This also ends a session a working day after the sign-in itself, however busy: an empty
 * token carries no user and getActor() treats it as signed out.
 */
export function sessionStillValid(token: object, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const authTime = (token as { authTime?: unknown }).authTime;
  return typeof authTime === "number" && nowSeconds - authTime <= SESSION_MAX_AGE_SECONDS;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Tài khoản",
      credentials: {
        username: { label: "Tên đăng nhập", type: "text" },
        password: { label: "Mật khẩu", type: "password" },
      },
      async authorize(credentials, req) {
        const address = clientAddress(req?.headers?.["x-forwarded-for"]);
        const result = await signInWithPassword(credentials?.username ?? "", credentials?.password ?? "", address);
        if (!result.ok) throw new Error(result.error);
        return { id: result.user.id, name: result.user.fullName, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return sessionStillValid(token) ? token : {};
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: token.uid as string, sessionVersion: token.sv as number };
      return session;
    },
  },
};
