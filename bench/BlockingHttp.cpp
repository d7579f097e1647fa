#include "BlockingHttp.h"

#include <curl/curl.h>
#include <stdexcept>
#include <string>

namespace {

size_t append(char* data, size_t size, size_t count, void* body)
{
    static_cast<QByteArray*>(body)->append(data, qsizetype(size * count));
    return size * count;
}

} // namespace

BlockingHttp::BlockingHttp(quint16 port)
    : m_base("http://127.0.0.1:" + QByteArray::number(port))
    , m_easy(curl_easy_init())
{
    if (!m_easy)
        throw std::runtime_error("curl_easy_init failed");
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_TCP_NODELAY, 1L); // small requests leave at once
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, append);
}

BlockingHttp::~BlockingHttp()
{
    curl_easy_cleanup(m_easy);
}

curl_slist* BlockingHttp::headerList(const QByteArray& token, const QByteArray& body, const Headers& headers)
{
    curl_slist* list = curl_slist_append(nullptr, "Expect:");
    if (!token.isEmpty())
        list = curl_slist_append(list, ("Authorization: Bearer " + token).constData());
    if (!body.isEmpty())
        list = curl_slist_append(list, "Content-Type: application/json");
    for (const auto& header : headers)
        list = curl_slist_append(list, (header.first + ": " + header.second).constData());
    return list;
}

void BlockingHttp::prepare(
    CURL* easy, const QByteArray& method, const QByteArray& url, const QByteArray& body)
{
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    if (method == "GET") {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, nullptr);
        return;
    }
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method == "POST" ? nullptr : method.constData());
}

BlockingHttp::Response BlockingHttp::request(const QByteArray& method, const QByteArray& path,
    const QByteArray& token, const QByteArray& body, const Headers& headers)
{
    Response response;
    curl_slist* list = headerList(token, body, headers);
    prepare(m_easy, method, m_base + path, body);
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, &response.body);
    const CURLcode result = curl_easy_perform(m_easy);
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(list);
    if (result != CURLE_OK)
        throw std::runtime_error(std::string("request to the hub failed: ") + curl_easy_strerror(result));
    long status = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
    response.status = int(status);
    response.wireBytes = response.body.size();
    return response;
}
