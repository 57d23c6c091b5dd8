#pragma once
// A throwaway certificate authority and a server certificate for loopback, made at start-up in
// memory (OpenSSL). The demo and the tests trust the CA explicitly — peer verification stays on —
// and the kiosk can pin the server key (sha256// pin).

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jobcenter {

struct IssuedCertificate {
  std::string certificatePem, privateKeyPem;
};

struct TlsIdentity {
  std::shared_ptr<X509> caCertificate;
  std::shared_ptr<EVP_PKEY> caKey;  // kept to issue kiosk client certificates (tests, demo)
  std::shared_ptr<X509> certificate;
  std::shared_ptr<EVP_PKEY> privateKey;

  std::string caPem() const;
  std::string certificatePem() const;
  std::string privateKeyPem() const;
  std::string fingerprintSha256() const;  // of the server certificate, "AB:CD:..."
  std::string publicKeyPin() const;       // "sha256//<base64 of the SPKI digest>", as CURLOPT_PINNEDPUBLICKEY takes

  // A client certificate for a kiosk, signed by this CA, its common name the kiosk id.
  IssuedCertificate issueClientCertificate(const std::string& kioskId) const;
};

struct CertificateOptions {
  std::vector<std::string> hosts = {"localhost", "127.0.0.1"};  // DNS names and IP addresses it is valid for
  long validFromSeconds = -3600;          // relative to now
  long validUntilSeconds = 30L * 86400;   // relative to now (negative: already expired)
};

TlsIdentity makeLoopbackIdentity(const CertificateOptions& options = {});

// An identity written before (jobcenter-sim --cert-dir), so that a restarted server keeps the key
// its kiosks pin. Without its CA's key: it issues no client certificates. nullopt when the files
// do not parse, the key is not the certificate's, or the certificate ends within a day.
std::optional<TlsIdentity> identityFromPem(const std::string& caPem, const std::string& certificatePem, const std::string& privateKeyPem);

}  // namespace jobcenter
