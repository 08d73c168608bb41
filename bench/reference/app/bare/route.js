// A bare route handler: Next.js's request path with no rendering at all.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("hello");
}
