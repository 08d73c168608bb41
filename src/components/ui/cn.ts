import { clsx, type ClassValue } from "clsx";

export type { ClassValue };

/** Join conditional class names (clsx). Later classes do not override earlier ones automatically. */
export function cn(...args: ClassValue[]): string {
  return clsx(...args);
}
