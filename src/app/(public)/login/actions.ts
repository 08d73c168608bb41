"use server";

import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/server/auth";
import { safeCallbackPath } from "@/lib/safe-redirect";

export interface SignInState {
  /** "invalid", "rate_limited:<minutes>", "missing" or "generic" */
  error: string | null;
  email: string;
}

export async function signInWithPassword(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { error: "missing", email };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
    return { error: null, email };
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: error.code || "invalid", email };
    if (error instanceof AuthError) return { error: "generic", email };
    throw error; // the redirect after a successful sign-in
  }
}

export async function requestSignInLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "").trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: "email", email };
  try {
    await signIn("email", { email, redirect: false, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { error: "generic", email };
    throw error;
  }
  redirect("/login/check-email");
}
