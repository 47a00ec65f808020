import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { legacySeal } from "@/tests/support/legacy-cipher";
import { createTokenCipher, TokenDecryptionError } from "./token-cipher";

const token = "ghu_" + "A1b2C3d4".repeat(5);
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const here = { row: "connection-1", column: "accessToken" };

describe("token cipher", () => {
  it("round-trips a token without the token appearing in the ciphertext", () => {
    const cipher = createTokenCipher([newKey]);
    const sealed = cipher.encrypt(token, here);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain(token.slice(4));
    expect(cipher.decrypt(sealed, here)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    const cipher = createTokenCipher([newKey]);
    expect(cipher.encrypt(token, here)).not.toBe(cipher.encrypt(token, here));
  });

  it("does not decrypt a ciphertext copied to another row or another column", () => {
    const cipher = createTokenCipher([newKey]);
    const sealed = cipher.encrypt(token, here);
    expect(() => cipher.decrypt(sealed, { row: "connection-2", column: "accessToken" })).toThrow(TokenDecryptionError);
    expect(() => cipher.decrypt(sealed, { row: "connection-1", column: "refreshToken" })).toThrow(TokenDecryptionError);
  });

  it("rejects a ciphertext made with a key it does not have", () => {
    const sealed = createTokenCipher([oldKey]).encrypt(token, here);
    expect(() => createTokenCipher([newKey]).decrypt(sealed, here)).toThrow(TokenDecryptionError);
  });

  it("rejects a tampered ciphertext, tag or IV", () => {
    const cipher = createTokenCipher([newKey]);
    const parts = cipher.encrypt(token, here).split(".");
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      tampered[index] = bytes.toString("base64url");
      expect(() => cipher.decrypt(tampered.join("."), here)).toThrow(/altered/);
    }
    expect(() => cipher.decrypt("ghu_plaintext", here)).toThrow(TokenDecryptionError);
  });

  it("rejects a ciphertext relabelled with another key's id", () => {
    const ring = createTokenCipher([newKey, oldKey]);
    const sealedWithOld = createTokenCipher([oldKey]).encrypt(token, here).split(".");
    const sealedWithNew = ring.encrypt(token, here).split(".");
    sealedWithOld[1] = sealedWithNew[1]!;
    expect(() => ring.decrypt(sealedWithOld.join("."), here)).toThrow(TokenDecryptionError);
  });

  it("rotates: the new first key encrypts, old keys still decrypt", () => {
    const before = createTokenCipher([oldKey]).encrypt(token, here);
    const ring = createTokenCipher([newKey, oldKey]);
    expect(ring.decrypt(before, here)).toBe(token);
    expect(ring.needsReencryption(before)).toBe(true);
    const after = ring.encrypt(token, here);
    expect(ring.needsReencryption(after)).toBe(false);
    expect(createTokenCipher([newKey]).decrypt(after, here)).toBe(token);
  });

  it("reads the first format only to re-encrypt it, never as a current ciphertext", () => {
    const cipher = createTokenCipher([newKey]);
    const legacy = legacySeal(newKey, token);
    expect(() => cipher.decrypt(legacy, here)).toThrow(TokenDecryptionError);
    expect(cipher.needsReencryption(legacy)).toBe(true);
    expect(cipher.decryptLegacy(legacy)).toBe(token);
  });

  it("refuses a key ring without a 32-byte key", () => {
    expect(() => createTokenCipher([])).toThrow();
    expect(() => createTokenCipher([randomBytes(16)])).toThrow();
  });
});
