import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { getCurrentActor, getRequestHeaders, getTermsAccepted } from "@/server/auth/current";
import { buildContext } from "./context";
import { createCallerFactory } from "./init";
import { appRouter } from "./root";

const createCaller = createCallerFactory(appRouter);

/** The tRPC caller for server components: same procedures, guards and errors as the API. */
export const api = cache(async () => {
  const [db, actor, headers] = await Promise.all([getDb(), getCurrentActor(), getRequestHeaders()]);
  return createCaller(buildContext({ db, actor, headers, termsAccepted: getTermsAccepted }));
});
