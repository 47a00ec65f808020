import "server-only";
import { getEnv } from "../config/env";
import { createTokenCipher, type TokenCipher } from "./token-cipher";

let cipher: TokenCipher | undefined;

/** The process's token cipher, keyed by TOKEN_ENCRYPTION_KEY. */
export function tokenCipher(): TokenCipher {
  cipher ??= createTokenCipher(getEnv().tokenEncryptionKeys);
  return cipher;
}
