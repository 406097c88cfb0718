#include "detail/atomicoutput.h"

#include "gis/error.h"
#include "gis/outputpath.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace gis::detail {

namespace fs = std::filesystem;

namespace {

/// The process id of a temporary named prefix + pid + suffix, or 0 when \a name is not one.
pid_t temporaryOwner(std::string_view name, std::string_view prefix, std::string_view suffix)
{
    if (name.size() <= prefix.size() + suffix.size() || name.substr(0, prefix.size()) != prefix
        || name.substr(name.size() - suffix.size()) != suffix)
        return 0;
    const std::string_view digits = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    pid_t pid = 0;
    for (char c : digits) {
        if (c < '0' || c > '9' || pid > 1'000'000'000)
            return 0;
        pid = pid * 10 + (c - '0');
    }
    return pid;
}

/// Bytes the simulated disk still takes, or -1 when writes are not limited (tests only).
std::atomic<long long> gSimulatedFreeBytes{-1};

std::string kindOfEntry(const fs::file_status& st)
{
    switch (st.type()) {
    case fs::file_type::directory:
        return "a folder";
    case fs::file_type::character:
    case fs::file_type::block:
        return "a device";
    case fs::file_type::fifo:
        return "a FIFO (named pipe)";
    case fs::file_type::socket:
        return "a socket";
    default:
        return "not a regular file";
    }
}

/// write(2) that honours the simulated full disk of the tests.
ssize_t writeSome(int fd, const char* data, std::size_t size)
{
    long long free = gSimulatedFreeBytes.load();
    if (free >= 0) {
        if (free == 0) {
            errno = ENOSPC;
            return -1;
        }
        size = std::min<std::size_t>(size, static_cast<std::size_t>(free));
        gSimulatedFreeBytes.fetch_sub(static_cast<long long>(size));
    }
    return ::write(fd, data, size);
}

std::string errnoText(int error)
{
    return std::strerror(error);
}

bool isRunning(pid_t pid)
{
    return ::kill(pid, 0) == 0 || errno != ESRCH;
}

void removeTemporary(const fs::path& path) noexcept
{
    std::error_code ignored;
    fs::remove_all(path, ignored);
    for (const char* side : {"-journal", "-wal", "-shm"})
        fs::remove(fs::path(path.string() + side), ignored);
}

} // namespace

void setSimulatedFreeBytesForTesting(long long bytes) noexcept
{
    gSimulatedFreeBytes.store(bytes);
}

void writeWholeFile(const fs::path& path, std::string_view bytes, const std::string& given)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        throw OutputError("cannot write '" + given + "': cannot create '" + path.string() + "' (" + errnoText(errno)
                          + "); check that the folder is writable");
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = writeSome(fd, data, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            throw OutputError("cannot write '" + given + "': writing failed after "
                              + std::to_string(bytes.size() - left) + " of " + std::to_string(bytes.size()) + " bytes ("
                              + errnoText(error) + "); free some disk space or choose another folder");
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const int syncError = errno;
    if (::close(fd) != 0 || !synced)
        throw OutputError("cannot write '" + given + "': the file could not be saved to disk ("
                          + errnoText(synced ? errno : syncError) + "); free some disk space or choose another folder");
}

namespace {

/// Flushes a file written by another library (GDAL, SQLite) to disk, so a delayed write error
/// shows here and not after the rename.
void syncFile(const fs::path& path, const std::string& given)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw OutputError("cannot write '" + given + "': the finished file '" + path.string() + "' is missing ("
                          + errnoText(errno) + ")");
    const bool synced = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!synced && error != EINVAL)
        throw OutputError("cannot write '" + given + "': the file could not be saved to disk (" + errnoText(error)
                          + "); free some disk space or choose another folder");
}

void syncFolder(const fs::path& folder) noexcept
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // best effort: the rename is already done
        ::close(fd);
    }
}

} // namespace

AtomicOutput::AtomicOutput(const std::string& target, Kind kind)
        : mGiven(target), mTarget(fs::absolute(target)), mKind(kind)
{
    checkOutputPath(target);
    const fs::path folder = mTarget.parent_path();
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw OutputError("cannot write '" + target + "': folder '" + folder.string() + "' does not exist");
    const std::string prefix = "." + mTarget.stem().string() + ".tmp-";
    const std::string suffix = kind == Kind::File ? mTarget.extension().string() : std::string{};
    mTemp = folder / (prefix + std::to_string(::getpid()) + suffix);

    // Left by this process before, or by one that crashed.
    std::vector<fs::path> stale;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const pid_t owner = temporaryOwner(entry.path().filename().string(), prefix, suffix);
        if (owner > 0 && (owner == ::getpid() || !isRunning(owner)))
            stale.push_back(entry.path());
    }
    for (const fs::path& p : stale)
        removeTemporary(p);

    if (kind == Kind::Folder) {
        fs::create_directory(mTemp, ec);
        if (ec)
            throw OutputError("cannot write '" + target + "': cannot create a temporary folder beside it ("
                              + ec.message() + ")");
    }
}

AtomicOutput::~AtomicOutput()
{
    if (mKind == Kind::Folder || !mCommitted)
        removeTemporary(mTemp);
}

void AtomicOutput::write(std::string_view bytes, const std::string& member)
{
    if (mKind == Kind::File)
        writeWholeFile(mTemp, bytes, mGiven);
    else
        writeWholeFile(mTemp / (member.empty() ? mTarget.filename() : fs::path(member)), bytes, mGiven);
}

void AtomicOutput::commit()
{
    std::error_code ec;
    // The target may have become a device or folder since construction; never replace one.
    checkOutputPath(mGiven);
    if (mKind == Kind::File) {
        syncFile(mTemp, mGiven);
        fs::rename(mTemp, mTarget, ec);
        if (ec)
            throw OutputError("cannot write '" + mGiven + "': cannot move the finished file into place (" + ec.message()
                              + ")");
        mCommitted = true;
        syncFolder(mTarget.parent_path());
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(mTemp, ec))
        files.push_back(entry.path());
    if (ec || files.empty())
        throw OutputError("cannot write '" + mGiven + "': nothing was written");
    for (const fs::path& f : files)
        syncFile(f, mGiven);
    for (const fs::path& f : files) {
        fs::rename(f, mTarget.parent_path() / f.filename(), ec);
        if (ec)
            throw OutputError("cannot write '" + mGiven + "': cannot move '" + f.filename().string() + "' into place ("
                              + ec.message() + ")");
    }
    mCommitted = true;
    syncFolder(mTarget.parent_path());
}

} // namespace gis::detail

namespace gis {

namespace fs = std::filesystem;

void checkOutputPath(const std::string& output, const std::vector<std::string>& inputs)
{
    std::error_code ec;
    const fs::file_status st = fs::status(output, ec);
    if (!ec && fs::exists(st) && !fs::is_regular_file(st))
        throw OutputError("cannot write '" + output + "': it is " + detail::kindOfEntry(st)
                          + ", not a file; give the path of a file to write");
    if (ec || !fs::exists(st))
        return; // absent: nothing to destroy
    for (const std::string& input : inputs) {
        if (input.empty())
            continue;
        std::error_code eq;
        if (fs::equivalent(output, input, eq) && !eq)
            throw OutputError("cannot write '" + output + "': it is the file '" + input
                              + "' that is being read, and writing would destroy it; choose another output file");
    }
}

} // namespace gis
