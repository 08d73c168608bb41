import { BaselinePage } from "@/components/bench/baseline-page";

export default BaselinePage;
