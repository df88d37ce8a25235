#pragma once

// Heap accounting for the benchmarks: heapcounter.cpp replaces the global operator new/delete
// of the executable it is compiled into with counting versions (a 16-byte size header per
// block, so returned blocks stay 16-byte aligned). The peak therefore includes the moment a
// growing vector holds both its old and new buffers.

#include <cstddef>

namespace cnsim::bench {

// Bytes currently allocated through operator new.
std::size_t liveHeapBytes();
// Starts a peak measurement at the current live level and returns that level.
std::size_t startPeakMeasurement();
// The highest live level since the last startPeakMeasurement().
std::size_t peakHeapBytes();

} // namespace cnsim::bench
