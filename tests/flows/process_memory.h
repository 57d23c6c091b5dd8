#pragma once
// Reads another process's memory the way an attacker with its user's rights (or a core dump)
// would: every readable mapping of its own (heap, stacks, anonymous maps, the writable data of
// its libraries) through /proc/PID/mem, searched for text in UTF-8, UTF-16 and UTF-32 (little
// endian), as C strings, std::string, ICU's UChar and ImGui's ImWchar hold it. Mappings of
// files that are not writable (the program, libraries' code and constants, fonts, ICU's data)
// hold nothing a session put there and are skipped. The process must be stopped and readable
// (our child, or we are root). Files are searched the same way (scanFiles): what a kiosk wrote
// to disk.

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <sstream>
#include <string>
#include <vector>

struct MemoryHit {
  std::string text, encoding, mapping;
  uint64_t address = 0;
};

namespace process_memory {

inline std::u32string decodeUtf8(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int length = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    char32_t cp = length == 1 ? c : c & (0x7f >> length);
    for (int k = 1; k < length && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out += cp;
    i += length;
  }
  return out;
}

inline std::string utf16le(const std::string& utf8) {
  std::string out;
  for (char32_t cp : decodeUtf8(utf8)) {
    auto unit = [&](char16_t u) { out += {static_cast<char>(u & 0xff), static_cast<char>(u >> 8)}; };
    if (cp < 0x10000) unit(static_cast<char16_t>(cp));
    else {
      cp -= 0x10000;
      unit(static_cast<char16_t>(0xd800 + (cp >> 10)));
      unit(static_cast<char16_t>(0xdc00 + (cp & 0x3ff)));
    }
  }
  return out;
}

inline std::string utf32le(const std::string& utf8) {
  std::string out;
  for (const char32_t cp : decodeUtf8(utf8)) {
    for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((cp >> shift) & 0xff);
  }
  return out;
}

}  // namespace process_memory

// The texts as they may lie in memory or in a file: UTF-8, UTF-16 and UTF-32.
struct MemoryNeedles {
  struct Needle {
    std::string text, encoding, bytes;
  };
  std::vector<Needle> needles;
  size_t longest = 0;

  explicit MemoryNeedles(const std::vector<std::string>& texts) {
    for (const auto& t : texts) {
      needles.push_back({t, "UTF-8", t});
      needles.push_back({t, "UTF-16", process_memory::utf16le(t)});
      needles.push_back({t, "UTF-32", process_memory::utf32le(t)});
    }
    for (const auto& n : needles) longest = std::max(longest, n.bytes.size());
  }
  // Every needle in buffer that starts before `before` (chunks overlap by the longest needle).
  void find(const std::string& buffer, size_t before, uint64_t base, const std::string& where, std::vector<MemoryHit>& hits) const {
    for (const auto& needle : needles) {
      for (size_t found = buffer.find(needle.bytes); found != std::string::npos && found < before; found = buffer.find(needle.bytes, found + 1)) {
        hits.push_back({needle.text, needle.encoding, where, base + found});
      }
    }
  }
};

// Every place in the process's memory where one of `texts` occurs, in any of the three encodings.
inline std::vector<MemoryHit> scanProcessMemory(pid_t pid, const std::vector<std::string>& texts, size_t* bytesRead = nullptr) {
  const MemoryNeedles needles(texts);
  std::vector<MemoryHit> hits;
  std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
  const int mem = ::open(("/proc/" + std::to_string(pid) + "/mem").c_str(), O_RDONLY);
  if (!maps || mem < 0) throw std::runtime_error("cannot read the memory of process " + std::to_string(pid));
  size_t total = 0;
  for (std::string line; std::getline(maps, line);) {
    std::istringstream fields(line);
    std::string range, perms, offset, device, inode, path;
    fields >> range >> perms >> offset >> device >> inode;
    std::getline(fields >> std::ws, path);
    const bool fileBacked = !path.empty() && path[0] == '/';
    if (perms[0] != 'r' || (fileBacked && perms[1] != 'w') || path == "[vvar]" || path == "[vsyscall]") continue;
    const uint64_t start = std::stoull(range.substr(0, range.find('-')), nullptr, 16);
    const uint64_t end = std::stoull(range.substr(range.find('-') + 1), nullptr, 16);
    // In chunks that overlap by the longest needle, so nothing on a boundary is missed.
    constexpr uint64_t kChunk = 1 << 22;
    std::string buffer;
    for (uint64_t at = start; at < end; at += kChunk) {
      const uint64_t size = std::min<uint64_t>(kChunk + needles.longest, end - at);
      buffer.resize(size);
      const ssize_t n = ::pread(mem, buffer.data(), size, static_cast<off_t>(at));
      if (n <= 0) break;
      buffer.resize(static_cast<size_t>(n));
      total += static_cast<size_t>(n);
      needles.find(buffer, kChunk, at, path.empty() ? "[anonymous]" : path, hits);
    }
  }
  ::close(mem);
  if (bytesRead) *bytesRead = total;
  return hits;
}

// Every file under dir (followed into subdirectories, not through links) holding one of `texts`;
// a hit's mapping is the file's path, its address the offset in it.
inline std::vector<MemoryHit> scanFiles(const std::filesystem::path& dir, const std::vector<std::string>& texts, size_t* files = nullptr) {
  const MemoryNeedles needles(texts);
  std::vector<MemoryHit> hits;
  size_t count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    const std::string content = read.str();
    needles.find(content, content.size(), 0, entry.path().string(), hits);
    ++count;
  }
  if (files) *files = count;
  return hits;
}
