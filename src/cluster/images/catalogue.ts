/**
 * STUB (to be replaced by the image catalogue work): what an image is and
 * does when run. The kubelet asks it whether an image exists and what its
 * containers listen on.
 */
export interface ImageCatalogue {
  /** True when the image (any tag) is known to the simulated registry. */
  has(image: string): boolean;
}

export function emptyCatalogue(): ImageCatalogue {
  return { has: () => false };
}
