using System.Globalization;
using System.Xml;

namespace EditorialArchive.Web.Import;

/// <summary>
/// Reads a WordPress eXtended RSS export (WXR 1.0–1.2, as Tools → Export writes it) one item at a time with
/// <see cref="XmlReader"/>: memory holds one item, whatever the file's size. The channel's header (site URLs, authors)
/// comes before the first item in every export WordPress writes, so it is complete when items are read.
/// </summary>
public sealed class WxrReader : IDisposable
{
    // WordPress's own namespace carries the WXR version (http://wordpress.org/export/1.2/); excerpt is below it.
    private const string WordPressNamespacePrefix = "http://wordpress.org/export/";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    private readonly XmlReader reader;
    private bool sawRss;

    // Reading an element's text or skipping it leaves the reader on the node after it: the next loop turn must not
    // call Read() again, or it would step over an element written right after (exports without whitespace).
    private bool positioned;

    public WxrReader(Stream stream)
    {
        reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            // A DTD could expand entities without bound (billion laughs); exports never have one.
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        });
    }

    public WxrChannel Channel { get; } = new();

    /// <summary>The line the reader is on, for messages.</summary>
    public int Line => (reader as IXmlLineInfo)?.LineNumber ?? 0;

    /// <summary>The next item, or null at the end of the file.</summary>
    public WxrItem? ReadNextItem()
    {
        try
        {
            while (positioned || reader.Read())
            {
                positioned = false;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!sawRss)
                {
                    if (reader.LocalName != "rss")
                    {
                        throw Error($"expected a WordPress export (<rss>), found <{reader.Name}>");
                    }

                    sawRss = true;
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "item" when reader.NamespaceURI.Length == 0:
                        var item = ReadItem();
                        positioned = true;
                        return item;
                    case "author" when IsWordPress(reader.NamespaceURI):
                        ReadChildren(ReadAuthorField);
                        positioned = true;
                        break;
                    case "wxr_version" when IsWordPress(reader.NamespaceURI):
                        Channel.WxrVersion = Text().Trim();
                        positioned = true;
                        break;
                    case "base_site_url" when IsWordPress(reader.NamespaceURI):
                        Channel.BaseSiteUrl = Text().Trim();
                        positioned = true;
                        break;
                    case "base_blog_url" when IsWordPress(reader.NamespaceURI):
                        Channel.BaseBlogUrl = Text().Trim();
                        positioned = true;
                        break;
                    case "title" when reader.NamespaceURI.Length == 0 && reader.Depth == 2:
                        Channel.Title = Text().Trim();
                        positioned = true;
                        break;
                    case "link" when reader.NamespaceURI.Length == 0 && reader.Depth == 2:
                        Channel.Link = Text().Trim();
                        positioned = true;
                        break;
                    case "category" or "tag" or "term" when IsWordPress(reader.NamespaceURI):
                        reader.Skip();
                        positioned = true;
                        break;
                    default:
                        break;
                }
            }

            if (!sawRss)
            {
                throw new WxrFormatException("The file is empty: it is not a WordPress export.", 1, 1);
            }

            return null;
        }
        catch (XmlException ex)
        {
            throw new WxrFormatException($"Line {ex.LineNumber}, column {ex.LinePosition}: the file is not well-formed XML: {ex.Message}", ex.LineNumber, ex.LinePosition);
        }
    }

    public void Dispose() => reader.Dispose();

    private static bool IsWordPress(string ns) => ns.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal) && !ns.EndsWith("/excerpt/", StringComparison.Ordinal);

    private WxrItem ReadItem()
    {
        var item = new WxrItem { Line = Line };
        var sawPostId = false;
        ReadChildren(() =>
        {
            var ns = reader.NamespaceURI;
            var name = reader.LocalName;
            if (ns.Length == 0)
            {
                switch (name)
                {
                    case "title": item.Title = Text(); break;
                    case "link": item.Link = Text().Trim(); break;
                    case "guid": item.Guid = Text().Trim(); break;
                    case "category": ReadTerm(item); break;
                    default: reader.Skip(); break;
                }
            }
            else if (ns == ContentNamespace && name == "encoded")
            {
                item.Content = Text();
            }
            else if (ns == DublinCoreNamespace && name == "creator")
            {
                item.Creator = Text().Trim();
            }
            else if (ns.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal) && ns.EndsWith("/excerpt/", StringComparison.Ordinal) && name == "encoded")
            {
                item.Excerpt = Text();
            }
            else if (IsWordPress(ns))
            {
                switch (name)
                {
                    case "post_id":
                        var line = Line;
                        var id = Text().Trim();
                        item.PostId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var postId) && postId > 0
                            ? postId
                            : throw new WxrFormatException($"Line {line}: <wp:post_id> is '{id}', not a post id.", line, 1);
                        sawPostId = true;
                        break;
                    case "post_date": item.PostDate = Text().Trim(); break;
                    case "post_date_gmt": item.PostDateGmt = Text().Trim(); break;
                    case "post_modified": item.PostModified = Text().Trim(); break;
                    case "post_modified_gmt": item.PostModifiedGmt = Text().Trim(); break;
                    case "post_name": item.PostName = Text().Trim(); break;
                    case "status": item.Status = Text().Trim(); break;
                    case "post_type": item.PostType = Text().Trim(); break;
                    case "post_password": item.PostPassword = Text(); break;
                    case "postmeta": ReadMeta(item); break;
                    default: reader.Skip(); break; // comments, menu order, parent, …
                }
            }
            else
            {
                reader.Skip();
            }
        });

        return sawPostId ? item : throw new WxrFormatException($"Line {item.Line}: an <item> without <wp:post_id>.", item.Line, 1);
    }

    /// <summary>
    /// Calls <paramref name="readChild"/> on each child element of the current one (it must consume that element) and
    /// leaves the reader on the node after the current element's end tag.
    /// </summary>
    private void ReadChildren(Action readChild)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                readChild();
            }
            else if (!reader.Read())
            {
                throw Error("the file ends inside an element");
            }
        }

        reader.Read();
    }

    private void ReadTerm(WxrItem item)
    {
        var domain = reader.GetAttribute("domain") ?? "";
        var nicename = reader.GetAttribute("nicename") ?? "";
        item.Terms.Add(new WxrTerm(domain, nicename, Text().Trim()));
    }

    private void ReadMeta(WxrItem item)
    {
        string? key = null;
        string? value = null;
        ReadChildren(() =>
        {
            switch (reader.LocalName)
            {
                case "meta_key": key = Text().Trim(); break;
                case "meta_value": value = Text(); break;
                default: reader.Skip(); break;
            }
        });

        if (key is not null)
        {
            item.Meta.Add(new(key, value ?? ""));
        }
    }

    private string? authorLogin;

    private void ReadAuthorField()
    {
        switch (reader.LocalName)
        {
            case "author_login":
                authorLogin = Text().Trim();
                break;
            case "author_display_name":
                var displayName = Text().Trim();
                if (!string.IsNullOrEmpty(authorLogin) && displayName.Length > 0)
                {
                    Channel.Authors[authorLogin] = displayName;
                }

                break;
            default:
                reader.Skip();
                break;
        }
    }

    /// <summary>The element's text (CDATA or escaped), leaving the reader on the node after it.</summary>
    private string Text() => reader.ReadElementContentAsString();

    private WxrFormatException Error(string what)
    {
        var info = (IXmlLineInfo)reader;
        return new WxrFormatException($"Line {info.LineNumber}, column {info.LinePosition}: {what}.", info.LineNumber, info.LinePosition);
    }
}
