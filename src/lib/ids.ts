import { z } from "zod";

const uuid = z.uuid();

/** The same check the procedures make, so a bad id in a URL is a 404 rather than an error. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && uuid.safeParse(value).success;
}
