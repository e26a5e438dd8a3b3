package org.iotgateway.mqtt;

import java.security.GeneralSecurityException;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Decrypts an encrypted PKCS#8 key (PBES2: PBKDF2 + AES-CBC, what {@code openssl pkcs8 -topk8} and
 * cloud consoles produce) with the JDK's own ciphers. Bouncy Castle reads the ASN.1 parameters; its
 * JCA decryptor would ask for "AES/CBC/PKCS7Padding", a name the JDK does not register, and its
 * own provider would put 9 MB of reflectively loaded classes back into the jar.
 */
final class Pbes2KeyDecryptor {
    private static final Map<ASN1ObjectIdentifier, String> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "PBKDF2WithHmacSHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "PBKDF2WithHmacSHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "PBKDF2WithHmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "PBKDF2WithHmacSHA512");
    private static final Map<ASN1ObjectIdentifier, Integer> AES_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private Pbes2KeyDecryptor() {
    }

    /**
     * @throws UnsupportedOperationException for schemes other than PBES2/PBKDF2/AES-CBC (the message says which)
     * @throws GeneralSecurityException when decryption fails, almost always a wrong passphrase
     */
    static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase) throws GeneralSecurityException {
        AlgorithmIdentifier scheme = encrypted.getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(scheme.getAlgorithm())) {
            throw new UnsupportedOperationException("encryption " + scheme.getAlgorithm()
                    + " (re-encrypt with: openssl pkcs8 -topk8 -v2 aes-256-cbc)");
        }
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(scheme.getParameters());
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
            throw new UnsupportedOperationException("key derivation " + pbes2.getKeyDerivationFunc().getAlgorithm());
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        String prf = PRFS.get(kdf.getPrf().getAlgorithm());
        ASN1ObjectIdentifier cipherOid = pbes2.getEncryptionScheme().getAlgorithm();
        Integer keyBytes = AES_KEY_BYTES.get(cipherOid);
        if (prf == null || keyBytes == null) {
            throw new UnsupportedOperationException("PRF " + kdf.getPrf().getAlgorithm() + " with cipher " + cipherOid
                    + " (re-encrypt with: openssl pkcs8 -topk8 -v2 aes-256-cbc)");
        }
        byte[] iv = ASN1OctetString.getInstance(pbes2.getEncryptionScheme().getParameters()).getOctets();
        PBEKeySpec spec = new PBEKeySpec(passphrase, kdf.getSalt(), kdf.getIterationCount().intValueExact(), keyBytes * 8);
        try {
            byte[] key = SecretKeyFactory.getInstance(prf).generateSecret(spec).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return PrivateKeyInfo.getInstance(cipher.doFinal(encrypted.getEncryptedData()));
        } catch (IllegalArgumentException e) {
            // decrypted garbage that is not a PrivateKeyInfo: a wrong passphrase that happened to unpad
            throw new GeneralSecurityException("not a key after decryption");
        } finally {
            spec.clearPassword();
        }
    }
}
