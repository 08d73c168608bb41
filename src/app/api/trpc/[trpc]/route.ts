import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/lib/env";
import { isSameOrigin } from "@/server/http/origin";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

function handler(req: Request) {
  if (!isSameOrigin(req, env().APP_URL)) {
    return Response.json({ error: { message: "Cross-site request refused" } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
