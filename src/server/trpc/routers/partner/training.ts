import { router } from "../../init";

export const trainingRouter = router({});
