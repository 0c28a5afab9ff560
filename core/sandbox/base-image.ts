/** The offline base image Forklift builds itself (containers/base/build-base-image.sh). */

/** Its name; FORKLIFT_BASE_IMAGE overrides it, as it does for the build script. */
export const baseImageName = process.env.FORKLIFT_BASE_IMAGE ?? "forklift/node-base:20";
