import { connection } from "next/server";

// A one-line page rendered on every request, as every page of the app is.
export default async function Page() {
  await connection();
  return <p>Tierwise bench reference</p>;
}
