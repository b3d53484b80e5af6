// next-auth configuration: username + password, JWT sessions that carry the user id and
// the session version checked by getActor() on every request, and the id of a server-side
// session row (src/server/auth/sessions.ts) that signing out ends.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress, signInWithPassword } from "./sign-in";
import { endSession, sessionIsOpen, startSession } from "./sessions";

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
        const sessionId = await startSession(result.user.id, SESSION_MAX_AGE_SECONDS);
        return { id: result.user.id, name: result.user.fullName, sessionVersion: result.user.sessionVersion, sessionId };
      },
    }),
  ],
  events: {
    // next-auth calls this on POST /api/auth/signout with the decoded cookie.
    async signOut({ token }) {
      await endSession((token as { sid?: unknown } | null)?.sid);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = (user as { sessionId?: string }).sessionId;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      // The cookie alone is not enough: its session must still be open in the database
      // (signing out ends it there, for every copy of the cookie and on every instance).
      return sessionStillValid(token) && (await sessionIsOpen(token as { sid?: unknown; uid?: unknown; sv?: unknown })) ? token : {};
    },
    async session({ session, token }) {
      // An ended session is no session: /api/auth/session answers {} (next-auth would
      // otherwise still echo the name from the old cookie), getServerSession() null.
      if (typeof token.uid !== "string") return {} as typeof session;
      session.user = { ...session.user, id: token.uid as string, sessionVersion: token.sv as number };
      return session;
    },
  },
};
