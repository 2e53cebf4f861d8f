"use client";

import { Radar } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { ApiError } from "@/lib/client/api";
import { safeNextPath, useLogin } from "@/lib/client/auth";

function loginErrorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return "Invalid e-mail or password";
    if (err.status === 429) return "Too many attempts. Wait a moment and try again.";
    return err.message;
  }
  return "Could not reach the server";
}

export function LoginForm({ next }: { next: string | null }) {
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      // A full navigation so the server layout re-reads the new session cookie.
      { onSuccess: () => window.location.assign(safeNextPath(next)) },
    );
  }

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-md border border-line bg-panel p-6 shadow-xl">
        <div className="mb-5 flex items-center gap-2">
          <Radar className="size-6 text-accent" aria-hidden />
          <div>
            <h1 className="text-base font-semibold tracking-tight">Crowsnest</h1>
            <p className="text-xs text-muted">Kubernetes security log console</p>
          </div>
        </div>
        {/* method=post: if JS has not loaded yet, a native submit must not put the password in the URL. */}
        <form method="post" onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
          <div className="flex flex-col gap-1">
            <Label htmlFor="login-email">Email</Label>
            <Input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className="h-8"
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="login-password">Password</Label>
            <Input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className="h-8"
            />
          </div>
          {login.isError && <ErrorBox>{loginErrorText(login.error)}</ErrorBox>}
          <Button type="submit" variant="primary" className="mt-1 h-8 justify-center" disabled={login.isPending || login.isSuccess}>
            Sign in
          </Button>
        </form>
      </div>
    </main>
  );
}
