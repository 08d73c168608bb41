import { notFound } from "next/navigation";
import { BaselinePage } from "@/components/bench/baseline-page";
import { benchEndpointsEnabled } from "@/server/bench/baseline";

export default function BenchBaselinePage() {
  if (!benchEndpointsEnabled()) notFound();
  return <BaselinePage />;
}
