// Reproducible random bytes for fuzz-style tests, from the app's one seeded generator: a failure
// names its seed and can be replayed.
import { seededRandom } from "@/domain/random";

export function seededBytes(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}
