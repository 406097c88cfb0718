#pragma once
// An allocator for the few very large buffers of a national-scale map (millions of vertices):
// it asks Linux for transparent huge pages, so filling 80 MB takes 40 page faults instead of
// 20,000 (on virtual machines each fault is slow). Small requests go to operator new.
#include <sys/mman.h>

#include <cstddef>
#include <new>

namespace layers::detail {

template <typename T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kThresholdBytes = std::size_t{8} << 20;
    static constexpr std::size_t kHugePage = std::size_t{2} << 20;

    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {}

    T* allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kThresholdBytes)
            return static_cast<T*>(::operator new(bytes));
        void* p = ::operator new (bytes, std::align_val_t{kHugePage});
        madvise(p, bytes, MADV_HUGEPAGE); // advice only: without huge pages it still works
        return static_cast<T*>(p);
    }
    void deallocate(T* p, std::size_t n) noexcept
    {
        if (n * sizeof(T) < kThresholdBytes)
            ::operator delete(p);
        else
            ::operator delete (p, std::align_val_t{kHugePage});
    }
    template <typename U>
    bool operator==(const HugePageAllocator<U>&) const noexcept
    {
        return true;
    }
};

} // namespace layers::detail
