#include "tls_identity.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <functional>
#include <stdexcept>

namespace jobcenter {
namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("TLS identity: ") + what);
}

std::shared_ptr<EVP_PKEY> newKey() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  check(key != nullptr, "key generation failed");
  return {key, EVP_PKEY_free};
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  check(ext != nullptr, "bad certificate extension");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

std::shared_ptr<X509> newCertificate(EVP_PKEY* key, const char* commonName, X509* issuer, long serial, long from = -3600,
                                     long until = 60L * 60 * 24 * 30) {
  std::shared_ptr<X509> cert(X509_new(), X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), from);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), until);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Jobcenter kiosk reference server"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
  X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
  return cert;
}

std::string toPem(const std::function<int(BIO*)>& write) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  check(write(bio.get()) == 1, "PEM encoding failed");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

}  // namespace

TlsIdentity makeLoopbackIdentity(const CertificateOptions& options) {
  const auto& hosts = options.hosts;
  TlsIdentity id;
  id.caKey = newKey();
  const auto& caKey = id.caKey;
  // A name of its own: two throwaway CAs must never be mistaken for each other by name.
  unsigned char nonce[6];
  RAND_bytes(nonce, sizeof nonce);
  char caName[64];
  std::snprintf(caName, sizeof caName, "Throwaway loopback CA %02x%02x%02x%02x%02x%02x", nonce[0], nonce[1], nonce[2], nonce[3], nonce[4],
                nonce[5]);
  id.caCertificate = newCertificate(caKey.get(), caName, nullptr, 1);
  addExtension(id.caCertificate.get(), id.caCertificate.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(id.caCertificate.get(), id.caCertificate.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  addExtension(id.caCertificate.get(), id.caCertificate.get(), NID_subject_key_identifier, "hash");
  check(X509_sign(id.caCertificate.get(), caKey.get(), EVP_sha256()) > 0, "CA signing failed");

  id.privateKey = newKey();
  id.certificate = newCertificate(id.privateKey.get(), hosts.front().c_str(), id.caCertificate.get(), 2, options.validFromSeconds,
                                  options.validUntilSeconds);
  std::string san;
  for (const auto& host : hosts) {
    const bool ip = host.find_first_not_of("0123456789.") == std::string::npos || host.find(':') != std::string::npos;
    san += (san.empty() ? "" : ",") + std::string(ip ? "IP:" : "DNS:") + host;
  }
  addExtension(id.certificate.get(), id.caCertificate.get(), NID_subject_alt_name, san.c_str());
  addExtension(id.certificate.get(), id.caCertificate.get(), NID_basic_constraints, "critical,CA:FALSE");
  addExtension(id.certificate.get(), id.caCertificate.get(), NID_ext_key_usage, "serverAuth");
  check(X509_sign(id.certificate.get(), caKey.get(), EVP_sha256()) > 0, "certificate signing failed");
  return id;
}

IssuedCertificate TlsIdentity::issueClientCertificate(const std::string& kioskId) const {
  const auto key = newKey();
  const auto cert = newCertificate(key.get(), kioskId.c_str(), caCertificate.get(), 3);
  addExtension(cert.get(), caCertificate.get(), NID_basic_constraints, "critical,CA:FALSE");
  addExtension(cert.get(), caCertificate.get(), NID_ext_key_usage, "clientAuth");
  check(X509_sign(cert.get(), caKey.get(), EVP_sha256()) > 0, "client certificate signing failed");
  IssuedCertificate issued;
  issued.certificatePem = toPem([&](BIO* bio) { return PEM_write_bio_X509(bio, cert.get()); });
  issued.privateKeyPem = toPem([&](BIO* bio) { return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
  return issued;
}

std::string TlsIdentity::caPem() const {
  return toPem([&](BIO* bio) { return PEM_write_bio_X509(bio, caCertificate.get()); });
}

std::string TlsIdentity::certificatePem() const {
  return toPem([&](BIO* bio) { return PEM_write_bio_X509(bio, certificate.get()); });
}

std::string TlsIdentity::privateKeyPem() const {
  return toPem([&](BIO* bio) { return PEM_write_bio_PrivateKey(bio, privateKey.get(), nullptr, nullptr, 0, nullptr, nullptr); });
}

std::string TlsIdentity::fingerprintSha256() const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  X509_digest(certificate.get(), EVP_sha256(), digest, &length);
  std::string out;
  char hex[4];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(hex, sizeof hex, i ? ":%02X" : "%02X", digest[i]);
    out += hex;
  }
  return out;
}

std::string TlsIdentity::publicKeyPin() const {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(privateKey.get(), &der);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(der, static_cast<size_t>(size), digest, &length, EVP_sha256(), nullptr);
  OPENSSL_free(der);
  unsigned char base64[64];
  const int written = EVP_EncodeBlock(base64, digest, static_cast<int>(length));
  return "sha256//" + std::string(reinterpret_cast<char*>(base64), static_cast<size_t>(written));
}

}  // namespace jobcenter

namespace jobcenter {

std::optional<TlsIdentity> identityFromPem(const std::string& caPem, const std::string& certificatePem, const std::string& privateKeyPem) {
  auto bio = [](const std::string& pem) { return std::shared_ptr<BIO>(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free); };
  TlsIdentity identity;
  identity.caCertificate.reset(PEM_read_bio_X509(bio(caPem).get(), nullptr, nullptr, nullptr), X509_free);
  identity.certificate.reset(PEM_read_bio_X509(bio(certificatePem).get(), nullptr, nullptr, nullptr), X509_free);
  identity.privateKey.reset(PEM_read_bio_PrivateKey(bio(privateKeyPem).get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  if (!identity.caCertificate || !identity.certificate || !identity.privateKey) return std::nullopt;
  if (X509_check_private_key(identity.certificate.get(), identity.privateKey.get()) != 1) return std::nullopt;
  // Within a day of its end it is made anew rather than kept.
  const time_t tomorrow = std::time(nullptr) + 86400;
  if (X509_cmp_time(X509_get0_notAfter(identity.certificate.get()), const_cast<time_t*>(&tomorrow)) <= 0) return std::nullopt;
  return identity;
}

}  // namespace jobcenter
