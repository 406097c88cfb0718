#include "detail/wkb.h"

#include "gis/error.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace gis::detail {

namespace {

static_assert(std::endian::native == std::endian::little, "WKB writer assumes a little-endian host");

void putByte(std::string& out, std::uint8_t b)
{
    out.push_back(static_cast<char>(b));
}
void putUint(std::string& out, std::uint32_t v)
{
    char bytes[4];
    std::memcpy(bytes, &v, 4);
    out.append(bytes, 4);
}
void putDouble(std::string& out, double v)
{
    char bytes[8];
    std::memcpy(bytes, &v, 8);
    out.append(bytes, 8);
}
void putRing(std::string& out, const Ring& ring)
{
    const bool closed = !ring.empty() && ring.front() == ring.back();
    putUint(out, static_cast<std::uint32_t>(ring.size() + (closed || ring.empty() ? 0 : 1)));
    for (Point p : ring) {
        putDouble(out, p.x);
        putDouble(out, p.y);
    }
    if (!closed && !ring.empty()) {
        putDouble(out, ring.front().x);
        putDouble(out, ring.front().y);
    }
}

class Reader {
public:
    explicit Reader(const std::string& data) : mData(data) {}
    std::uint8_t byte()
    {
        need(1);
        return static_cast<std::uint8_t>(mData[mPos++]);
    }
    std::uint32_t uint(bool little)
    {
        need(4);
        std::uint32_t v = 0;
        std::memcpy(&v, mData.data() + mPos, 4);
        mPos += 4;
        return little ? v : __builtin_bswap32(v);
    }
    double number(bool little)
    {
        need(8);
        std::uint64_t bits = 0;
        std::memcpy(&bits, mData.data() + mPos, 8);
        mPos += 8;
        if (!little)
            bits = __builtin_bswap64(bits);
        return std::bit_cast<double>(bits);
    }
    std::size_t remaining() const noexcept { return mData.size() - mPos; }

private:
    void need(std::size_t n) const
    {
        if (mPos + n > mData.size())
            throw GeometryError("truncated WKB geometry");
    }
    const std::string& mData;
    std::size_t mPos = 0;
};

Ring readRing(Reader& r, bool little)
{
    const std::uint32_t n = r.uint(little);
    // A damaged count (a few flipped bits) must not reserve gigabytes: every point needs 16 bytes.
    if (n > r.remaining() / 16)
        throw GeometryError("truncated WKB geometry (a ring claims " + std::to_string(n) + " points; "
                            + std::to_string(r.remaining()) + " bytes are left)");
    Ring ring;
    ring.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const double x = r.number(little);
        const double y = r.number(little);
        ring.push_back({x, y});
    }
    return ring;
}

// Collections nest; a project never stores more than a multi-geometry of simple parts, so a
// deeper nesting is damage (and unbounded recursion would overflow the stack).
constexpr int kMaxWkbDepth = 8;

void readGeometry(Reader& r, Geometry& out, int depth = 0)
{
    if (depth > kMaxWkbDepth)
        throw GeometryError("malformed WKB geometry (collections nested more than " + std::to_string(kMaxWkbDepth)
                            + " deep)");
    const bool little = r.byte() == 1;
    const std::uint32_t type = r.uint(little) % 1000; // ignore Z/M flavours of ISO WKB
    switch (type) {
    case 1: {
        const double x = r.number(little);
        const double y = r.number(little);
        out.type = GeometryType::Point;
        out.points.push_back({x, y});
        break;
    }
    case 2: {
        out.type = GeometryType::Line;
        out.lines.push_back(readRing(r, little)); // a line's points are laid out as a ring's
        break;
    }
    case 3: {
        Polygon poly;
        const std::uint32_t rings = r.uint(little);
        if (rings > r.remaining() / 4)
            throw GeometryError("truncated WKB geometry (a polygon claims " + std::to_string(rings) + " rings)");
        for (std::uint32_t i = 0; i < rings; ++i) {
            Ring ring = readRing(r, little);
            if (i == 0)
                poly.exterior = std::move(ring);
            else
                poly.holes.push_back(std::move(ring));
        }
        out.type = GeometryType::Polygon;
        out.polygons.push_back(std::move(poly));
        break;
    }
    case 4:
    case 5:
    case 6:
    case 7: {
        const std::uint32_t n = r.uint(little);
        for (std::uint32_t i = 0; i < n; ++i)
            readGeometry(r, out, depth + 1);
        break;
    }
    default:
        throw GeometryError("unsupported WKB geometry type " + std::to_string(type));
    }
}

} // namespace

std::string pointToWkb(Point p)
{
    std::string out;
    putByte(out, 1);
    putUint(out, 1);
    putDouble(out, p.x);
    putDouble(out, p.y);
    return out;
}

std::string multiPolygonToWkb(const MultiPolygon& mp)
{
    std::string out;
    putByte(out, 1);
    putUint(out, 6);
    putUint(out, static_cast<std::uint32_t>(mp.size()));
    for (const Polygon& poly : mp) {
        putByte(out, 1);
        putUint(out, 3);
        putUint(out, static_cast<std::uint32_t>(1 + poly.holes.size()));
        putRing(out, poly.exterior);
        for (const Ring& hole : poly.holes)
            putRing(out, hole);
    }
    return out;
}

std::string multiLineStringToWkb(const std::vector<LineString>& lines)
{
    std::string out;
    putByte(out, 1);
    putUint(out, 5);
    putUint(out, static_cast<std::uint32_t>(lines.size()));
    for (const LineString& line : lines) {
        putByte(out, 1);
        putUint(out, 2);
        putUint(out, static_cast<std::uint32_t>(line.size()));
        for (Point p : line) {
            putDouble(out, p.x);
            putDouble(out, p.y);
        }
    }
    return out;
}

Geometry geometryFromWkb(const std::string& wkb)
{
    Reader reader(wkb);
    Geometry g;
    readGeometry(reader, g);
    return g;
}

namespace {

/// A bounds-checked cursor over a SpatiaLite BLOB; every read fails softly (ok() turns false).
class BlobCursor {
public:
    BlobCursor(std::string_view data, bool little) : mData(data), mLittle(little) {}
    bool ok() const noexcept { return mOk; }
    std::size_t remaining() const noexcept { return mData.size() - mPos; }
    std::uint8_t byte()
    {
        if (!need(1))
            return 0;
        return static_cast<std::uint8_t>(mData[mPos++]);
    }
    std::uint32_t uint()
    {
        if (!need(4))
            return 0;
        std::uint32_t v = 0;
        std::memcpy(&v, mData.data() + mPos, 4);
        mPos += 4;
        return mLittle ? v : __builtin_bswap32(v);
    }
    double number()
    {
        if (!need(8))
            return 0.0;
        std::uint64_t bits = 0;
        std::memcpy(&bits, mData.data() + mPos, 8);
        mPos += 8;
        return std::bit_cast<double>(mLittle ? bits : __builtin_bswap64(bits));
    }
    void skip(std::size_t n)
    {
        if (need(n))
            mPos += n;
    }

private:
    bool need(std::size_t n)
    {
        if (!mOk || n > remaining())
            mOk = false;
        return mOk;
    }
    std::string_view mData;
    bool mLittle;
    std::size_t mPos = 0;
    bool mOk = true;
};

// SpatiaLite BLOB-Geometry layout (https://www.gaia-gis.it/gaia-sins/BLOB-Geometry.html):
// 0x00, byte order (0x01 little, 0x00 big), SRID int32, MBR as 4 doubles, 0x7C, class int32,
// the class's data, 0xFE. Collections mark each element with 0x69 and its class.
constexpr std::uint8_t kBlobStart = 0x00, kBlobMbrEnd = 0x7C, kBlobEntity = 0x69, kBlobEnd = 0xFE;
constexpr std::uint32_t kBlobLineString = 2, kBlobPolygon = 3, kBlobMultiLineString = 5, kBlobMultiPolygon = 6;

/// A point count and its XY points (a line, or a polygon's ring).
bool readBlobLine(BlobCursor& in, std::vector<Point>& line)
{
    const std::uint32_t points = in.uint();
    if (!in.ok() || points > in.remaining() / 16)
        return false;
    line.reserve(points);
    for (std::uint32_t i = 0; i < points; ++i) {
        const double x = in.number();
        const double y = in.number();
        line.push_back({x, y});
    }
    return in.ok();
}

/// A plain XY BLOB whose class is \a single, or \a multi whose first element is a \a single.
bool hasPlainBlobHeader(std::string_view blob, std::uint32_t single, std::uint32_t multi)
{
    if (blob.size() < 44 || static_cast<std::uint8_t>(blob[0]) != kBlobStart
        || static_cast<std::uint8_t>(blob[38]) != kBlobMbrEnd)
        return false;
    const auto order = static_cast<std::uint8_t>(blob[1]);
    if (order != 0x00 && order != 0x01)
        return false;
    BlobCursor in(blob.substr(39), order == 0x01);
    const std::uint32_t type = in.uint();
    if (type == single)
        return true;
    if (type != multi)
        return false;
    in.uint(); // the element count; the first element must be plain (not compressed)
    return in.byte() == kBlobEntity && in.uint() == single && in.ok();
}

/// The cursor after the header of a plain XY BLOB (start, byte order, SRID, MBR, 0x7C) and
/// without its end mark; nullopt when \a blob does not start and end as one.
std::optional<BlobCursor> plainBlobBody(std::string_view blob)
{
    if (blob.size() < 44 || static_cast<std::uint8_t>(blob[0]) != kBlobStart
        || static_cast<std::uint8_t>(blob.back()) != kBlobEnd)
        return std::nullopt;
    const auto order = static_cast<std::uint8_t>(blob[1]);
    if (order != 0x00 && order != 0x01)
        return std::nullopt; // e.g. a TinyPoint BLOB (0x80, 0x81)
    BlobCursor in(blob.substr(0, blob.size() - 1), order == 0x01);
    in.skip(1 + 1 + 4 + 4 * 8); // start, byte order, SRID, MBR
    if (in.byte() != kBlobMbrEnd)
        return std::nullopt;
    return in;
}

/// The elements of a plain XY BLOB of class \a single (one element) or \a multi (each marked with
/// 0x69 and \a single), read by \a read; nullopt for anything else or not well formed.
template <typename Element, typename Read>
std::optional<std::vector<Element>> elementsFromBlob(std::string_view blob, std::uint32_t single, std::uint32_t multi,
                                                     Read read)
{
    std::optional<BlobCursor> body = plainBlobBody(blob);
    if (!body)
        return std::nullopt;
    BlobCursor& in = *body;
    std::vector<Element> out;
    const std::uint32_t type = in.uint();
    std::uint32_t count = 1;
    if (type == multi) {
        count = in.uint();
        if (!in.ok() || count > in.remaining() / 9)
            return std::nullopt;
    } else if (type != single) {
        return std::nullopt;
    }
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (type == multi && (in.byte() != kBlobEntity || in.uint() != single))
            return std::nullopt;
        Element element;
        if (!read(in, element))
            return std::nullopt;
        out.push_back(std::move(element));
    }
    if (!in.ok() || in.remaining() != 0)
        return std::nullopt; // trailing bytes: not the layout this reader knows
    return out;
}

bool readBlobPolygon(BlobCursor& in, Polygon& poly)
{
    const std::uint32_t rings = in.uint();
    // Each ring needs at least its 4-byte count: a larger number is a malformed BLOB.
    if (!in.ok() || rings > in.remaining() / 4)
        return false;
    for (std::uint32_t r = 0; r < rings; ++r) {
        Ring ring;
        if (!readBlobLine(in, ring))
            return false;
        if (r == 0)
            poly.exterior = std::move(ring);
        else
            poly.holes.push_back(std::move(ring));
    }
    return in.ok();
}

} // namespace

bool hasPlainPolygonBlobHeader(std::string_view blob)
{
    return hasPlainBlobHeader(blob, kBlobPolygon, kBlobMultiPolygon);
}

bool hasPlainLineBlobHeader(std::string_view blob)
{
    return hasPlainBlobHeader(blob, kBlobLineString, kBlobMultiLineString);
}

std::optional<std::vector<LineString>> linesFromSpatialiteBlob(std::string_view blob)
{
    return elementsFromBlob<LineString>(blob, kBlobLineString, kBlobMultiLineString, readBlobLine);
}

std::optional<MultiPolygon> polygonsFromSpatialiteBlob(std::string_view blob)
{
    return elementsFromBlob<Polygon>(blob, kBlobPolygon, kBlobMultiPolygon, readBlobPolygon);
}

} // namespace gis::detail
