using System.Text;
using System.Xml;

namespace EditorialArchive.Web.Seo;

/// <summary>An XmlWriter straight onto the response body: asynchronous, UTF-8 without BOM, nothing buffered beyond its own small buffer.</summary>
public static class XmlResponse
{
    public static XmlWriter Create(HttpResponse response, string mediaType)
    {
        response.ContentType = mediaType + "; charset=utf-8";
        return XmlWriter.Create(response.Body, new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false,
        });
    }
}
