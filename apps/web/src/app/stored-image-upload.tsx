import type { UseMutationResult } from "@tanstack/react-query";
import { acceptedImageTypes, maxImageUploadBytes } from "@trame/contracts";
import { useAnnounce } from "../components/announcer";
import { ImageUpload } from "../components/image-upload";
import { useErrorMessage } from "./errors";

/** What the upload says, in the words of the image it stores (a profile picture, a logo…). */
export interface StoredImageWords {
  label: string;
  hint: string;
  upload: string;
  remove: string;
  /** Announced once the image is saved, or removed. */
  saved: string;
  removed: string;
}

export interface StoredImageUploadProps {
  upload: UseMutationResult<unknown, Error, File>;
  remove: UseMutationResult<unknown, Error, void>;
  /** Whether there is an image to remove. */
  hasImage: boolean;
  words: StoredImageWords;
}

/** Sends an image the server keeps (within the shared type and size limits), or removes it; each is announced. */
export function StoredImageUpload({ upload, remove, hasImage, words }: StoredImageUploadProps) {
  const announce = useAnnounce();
  const errorMessage = useErrorMessage();
  const error = upload.error ?? remove.error;
  return (
    <ImageUpload
      label={words.label}
      hint={words.hint}
      accept={acceptedImageTypes}
      maxBytes={maxImageUploadBytes}
      busy={upload.isPending}
      uploadLabel={words.upload}
      onUpload={(file) => upload.mutate(file, { onSuccess: () => announce(words.saved) })}
      removeLabel={hasImage ? words.remove : undefined}
      onRemove={hasImage ? () => remove.mutate(undefined, { onSuccess: () => announce(words.removed) }) : undefined}
      removing={remove.isPending}
      error={error ? errorMessage(error) : null}
    />
  );
}
