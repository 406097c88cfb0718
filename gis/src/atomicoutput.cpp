#include "detail/atomicoutput.h"

#include "gis/error.h"

#include <cerrno>
#include <csignal>
#include <string_view>
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

AtomicOutput::AtomicOutput(const std::string& target, Kind kind)
        : mGiven(target), mTarget(fs::absolute(target)), mKind(kind)
{
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

void AtomicOutput::commit()
{
    std::error_code ec;
    if (mKind == Kind::File) {
        fs::rename(mTemp, mTarget, ec);
        if (ec)
            throw OutputError("cannot write '" + mGiven + "': cannot move the finished file into place (" + ec.message()
                              + ")");
        mCommitted = true;
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(mTemp, ec))
        files.push_back(entry.path());
    if (ec || files.empty())
        throw OutputError("cannot write '" + mGiven + "': nothing was written");
    for (const fs::path& f : files) {
        fs::rename(f, mTarget.parent_path() / f.filename(), ec);
        if (ec)
            throw OutputError("cannot write '" + mGiven + "': cannot move '" + f.filename().string() + "' into place ("
                              + ec.message() + ")");
    }
    mCommitted = true;
}

} // namespace gis::detail
