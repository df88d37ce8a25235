#include "heapcounter.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

std::size_t g_liveBytes = 0;
std::size_t g_peakBytes = 0;
constexpr std::size_t kHeader = 16; // keeps the returned block 16-byte aligned

void* countedAlloc(std::size_t size) {
    void* raw = std::malloc(size + kHeader);
    if (raw == nullptr) {
        throw std::bad_alloc();
    }
    std::memcpy(raw, &size, sizeof size);
    g_liveBytes += size;
    g_peakBytes = std::max(g_peakBytes, g_liveBytes);
    return static_cast<char*>(raw) + kHeader;
}

void countedFree(void* p) noexcept {
    if (p == nullptr) {
        return;
    }
    char* raw = static_cast<char*>(p) - kHeader;
    std::size_t size = 0;
    std::memcpy(&size, raw, sizeof size);
    g_liveBytes -= size;
    std::free(raw);
}

} // namespace

namespace cnsim::bench {

std::size_t liveHeapBytes() {
    return g_liveBytes;
}

std::size_t startPeakMeasurement() {
    g_peakBytes = g_liveBytes;
    return g_liveBytes;
}

std::size_t peakHeapBytes() {
    return g_peakBytes;
}

} // namespace cnsim::bench

void* operator new(std::size_t size) {
    return countedAlloc(size);
}
void* operator new[](std::size_t size) {
    return countedAlloc(size);
}
void operator delete(void* p) noexcept {
    countedFree(p);
}
void operator delete[](void* p) noexcept {
    countedFree(p);
}
void operator delete(void* p, std::size_t) noexcept {
    countedFree(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    countedFree(p);
}
