"use client";

import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/client/api";

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (err) => {
        // An expired session shows up as a 401 on any background query: go log in again.
        if (err instanceof ApiError && err.status === 401 && typeof window !== "undefined") {
          const here = window.location.pathname + window.location.search;
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- full reload drops the old session's cache
          window.location.assign(`/login?next=${encodeURIComponent(here)}`);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // 4xx answers (bad query, not found, forbidden) will not change on retry.
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
