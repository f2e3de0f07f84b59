// @peculiar/x509 registers its algorithms with tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/**
 * The throw-away certificate of go-plugin's AutoMTLS. Terraform generates one for itself and
 * passes it in PLUGIN_CLIENT_CERT; the plugin generates its own and returns it in the handshake
 * line, and each side trusts only the other's. The shape copies go-plugin's generateCert
 * (mtls.go): ECDSA P-521, self-signed CA with CN and DNS name "localhost" (Terraform sets the
 * TLS server name to "localhost"), usable for server and client auth, valid from 30 s ago.
 */
export interface PluginCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** The DER bytes, which the handshake line carries (base64 without padding). */
  readonly certificateDer: Uint8Array;
}

export type CertificateCurve = 'P-256' | 'P-521';

/** P-521 as go-plugin; Terraform accepts P-256 as well. */
export const DEFAULT_CERTIFICATE_CURVE: CertificateCurve = 'P-521';

/** go-plugin's certificates live 262980 hours (30 years); the process lives minutes. */
const VALIDITY_MS = 262_980 * 3600 * 1000;

export async function generatePluginCertificate(
  curve: CertificateCurve = DEFAULT_CERTIFICATE_CURVE,
): Promise<PluginCertificate> {
  // x509 types its provider as the DOM's Crypto, which Node's webcrypto implements.
  const crypto = webcrypto as unknown as NonNullable<
    Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[1]
  >;
  const algorithm = {
    name: 'ECDSA',
    namedCurve: curve,
    hash: curve === 'P-256' ? 'SHA-256' : 'SHA-512',
  };
  const keys = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  // A positive 128-bit serial, as go-plugin draws.
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: Buffer.from(serial).toString('hex'),
      name: 'CN=localhost, O=HashiCorp',
      notBefore: new Date(now - 30_000),
      notAfter: new Date(now + VALIDITY_MS),
      signingAlgorithm: algorithm,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature |
            x509.KeyUsageFlags.keyEncipherment |
            x509.KeyUsageFlags.keyAgreement |
            x509.KeyUsageFlags.keyCertSign,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([
          x509.ExtendedKeyUsage.clientAuth,
          x509.ExtendedKeyUsage.serverAuth,
        ]),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }]),
      ],
    },
    crypto,
  );
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certificatePem: certificate.toString('pem'),
    privateKeyPem: pem('PRIVATE KEY', new Uint8Array(pkcs8)),
    certificateDer: new Uint8Array(certificate.rawData),
  };
}

function pem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
