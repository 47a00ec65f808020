import { createCipheriv, randomBytes } from "node:crypto";
import { keyId } from "@/lib/crypto/token-cipher";

/** A ciphertext in the first format (associated data: version and key id only), as older Hublinks wrote it. */
export function legacySeal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`v1.${keyId(key)}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return ["v1", keyId(key), ...parts].join(".");
}
